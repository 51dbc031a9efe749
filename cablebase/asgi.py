import os

from django.core.asgi import get_asgi_application

from cablebase.web_database import limit_web_statements

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cablebase.settings")
application = get_asgi_application()
limit_web_statements()
