# Build stage: the production package only. The tests (and the browser they need) are CI's job:
# .ci/run proves every commit before it lands; the image build does not run them again.
FROM debian:bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends openjdk-17-jdk-headless ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY src/main src/main
RUN ./mvnw -B -q package -DskipTests

# Run stage: a slim JRE, a non-root user, data on a volume. rclone, rsync and ssh are there for the
# status page's publish command and the backups' copy command; they run as outband, whose home is
# /data: rclone's configuration is /data/.config/rclone/rclone.conf, ssh's keys /data/.ssh (deploy/README.md).
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends openjdk-17-jre-headless ca-certificates curl rclone rsync openssh-client \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data outband \
    && mkdir -p /data /app \
    && chown outband /data /app
# The package keeps its build's folder name, in a folder outband may write: a rebuild for PostgreSQL
# writes the package in place and a few build files beside it (src/main/dist/outband).
COPY --from=build --chown=outband /src/target/quarkus-app/ /app/quarkus-app/
USER outband
# The JVM settings the send benchmark measures (pom.xml: outband.jvm-options): RSS under 300 MB.
ENV OUTBAND_DATA_DIR=/data \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-Xmx112m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m"
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD curl -fsS http://localhost:8080/q/health/ready || exit 1
# The package's start script: on the embedded H2 it starts the jar; with OUTBAND_DATABASE_URL it first
# rebuilds the package in the container for PostgreSQL (once per container, 10-20 seconds).
ENTRYPOINT ["/app/quarkus-app/outband"]
