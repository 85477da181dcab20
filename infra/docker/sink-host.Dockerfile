# syntax=docker/dockerfile:1
# The standalone sink host (`./connect sink`): one sink connector as a Kafka consumer group, scaled by KEDA.
# Build from the repository root:
#   docker build -f infra/docker/sink-host.Dockerfile -t serverless-connect/sink-host:1.0.0 .
# Run: docker run serverless-connect/sink-host:1.0.0 sink --config /config/es-sink.yaml --worker /config/worker.yaml --http-port 8083

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# Framework-dependent: the runtime image below provides .NET; librdkafka comes with Confluent.Kafka (runtimes/linux-x64).
RUN dotnet publish src/Serverless.Connect.Cli/Serverless.Connect.Cli.csproj -c Release -o /out -p:UseAppHost=false \
    && rm -rf /out/runtimes/win-* /out/runtimes/osx-* /out/runtimes/linux-arm* /out/runtimes/linux-musl-*

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
COPY --from=build /out .
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_gcServer=0
# The image's unprivileged "app" user, by number so Kubernetes can verify runAsNonRoot.
USER 1654
EXPOSE 8083
ENTRYPOINT ["dotnet", "/app/connect.dll"]
CMD ["--help"]
