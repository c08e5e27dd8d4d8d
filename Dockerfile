FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    SOURCEMARK_INSTANCE=/var/lib/sourcemark
WORKDIR /app
RUN useradd --system --home /var/lib/sourcemark --create-home sourcemark
COPY pyproject.toml README.md ./
COPY worker ./worker
COPY server ./server
RUN pip install .
USER sourcemark
EXPOSE 8000
# The web service; the worker service overrides the command.
CMD ["sh", "-c", "sourcemark db upgrade && gunicorn --bind 0.0.0.0:8000 --workers ${WEB_WORKERS:-3} --worker-class gthread --threads 8 'server:create_app()'"]
