# One image for each service, from the executable Boot jar that `./mvnw -B -DskipTests package` leaves in
# <module>/target/ (docker-compose.yml builds the three services with this file):
#   docker build --build-arg MODULE=routing-service --build-arg PORT=8082 -t valise/routing-service:0.1.0-SNAPSHOT .
# The build context is the repository; .dockerignore sends nothing of it but the services' jars.
# eclipse-temurin's Ubuntu images ship curl (used by the HEALTHCHECK); the Alpine ones do not.
FROM eclipse-temurin:17-jre-noble

RUN groupadd --system valise && useradd --system --gid valise --home-dir /app --no-create-home valise \
    && mkdir -p /app/state && chown -R valise:valise /app
WORKDIR /app

# The module to package (intake-service, routing-service or notification-service) and the port it listens on.
ARG MODULE
ARG PORT
RUN test -n "${MODULE}" && test -n "${PORT}" \
    || { echo "build with --build-arg MODULE=<module> --build-arg PORT=<port> (e.g. intake-service, 8081)" >&2; exit 1; }
LABEL org.opencontainers.image.title="valise ${MODULE}"
COPY --chown=valise:valise ${MODULE}/target/*.jar /app/app.jar
USER valise

ENV SERVER_PORT=${PORT} \
    VALISE_STATE_DIR=/app/state \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
