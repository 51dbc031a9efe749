import os

from django.core.wsgi import get_wsgi_application

from cablebase.web_database import limit_web_statements

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cablebase.settings")
application = get_wsgi_application()
limit_web_statements()
