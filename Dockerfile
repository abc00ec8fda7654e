# Multi-stage build: the SDK image publishes, the smaller ASP.NET runtime image runs it as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/SeoulPolicyPortal.Web/SeoulPolicyPortal.Web.csproj src/SeoulPolicyPortal.Web/
RUN dotnet restore src/SeoulPolicyPortal.Web/SeoulPolicyPortal.Web.csproj
COPY src/ src/
COPY seed-data/ seed-data/
RUN dotnet publish src/SeoulPolicyPortal.Web/SeoulPolicyPortal.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The database lives on a volume so that it outlives the container; the image's built-in 'app' user owns it.
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__Portal="Data Source=/data/portal.db" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "SeoulPolicyPortal.Web.dll"]
