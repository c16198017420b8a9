# AlertWorker container image: docker build -t alertworker . && docker run -v alertworker-data:/app/data alertworker
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/AlertWorker/AlertWorker.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app .
COPY config ./config
# The data directory (the SQLite file) belongs to the image's unprivileged 'app' user; mount a volume on it.
RUN mkdir -p /app/data && chown app /app/data
USER app
VOLUME /app/data
# Polling a bind-mounted configuration file for changes works where inotify events do not cross the mount.
ENV DOTNET_USE_POLLING_FILE_WATCHER=true
ENTRYPOINT ["dotnet", "AlertWorker.dll"]
CMD ["run"]
