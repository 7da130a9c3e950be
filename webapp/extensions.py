"""Flask extensions, created unbound and attached to the app in the factory."""

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

babel = Babel()
csrf = CSRFProtect()
login_manager = LoginManager()
# Counts failed logins and short codes; the client address is real behind PROXY_COUNT proxies (ProxyFix).
limiter = Limiter(key_func=get_remote_address, strategy="moving-window")
