using AlertWorker.Alerts;
using AlertWorker.Channels;
using AlertWorker.Channels.Webhook;
using AlertWorker.Configuration;
using AlertWorker.Feeds;
using AlertWorker.Feeds.Parsing;
using AlertWorker.Items;
using AlertWorker.Scheduling;
using AlertWorker.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;
using Serilog;

namespace AlertWorker;

/// <summary>Composes the application: every service of the pipeline, and for the daemon the Quartz schedules.</summary>
public static class AlertWorkerServices
{
    public static readonly string UserAgent = $"AlertWorker/{Cli.Usage.Version} (+https://github.com/alertworker/alertworker)";

    /// <summary>A host on a validated configuration. <paramref name="daemon"/> adds the scheduler and its jobs.</summary>
    public static IHost BuildHost(Settings settings, IConfigurationRoot configuration, bool daemon, Action<IServiceCollection>? overrides = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Services.AddSingleton<IHostLifetime, Microsoft.Extensions.Hosting.Internal.ConsoleLifetime>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSerilog(logger => ConfigureLogging(logger, configuration));
        builder.Services.AddAlertWorker(settings, configuration);
        if (daemon)
        {
            builder.Services.AddQuartz(quartz =>
            {
                quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = Math.Max(4, settings.Options.Fetch.MaxConcurrentPolls + 1));
            });
            builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
            builder.Services.AddHostedService<FeedSchedule>();
        }

        overrides?.Invoke(builder.Services);
        return builder.Build();
    }

    public static IServiceCollection AddAlertWorker(this IServiceCollection services, Settings settings, IConfigurationRoot configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ActiveConfiguration>(provider, settings, (IConfiguration)configuration));
        services.AddSingleton<Database>(new SqliteDatabase(settings.Options.DataDirectory));
        services.AddSingleton<FeedStateStore>();
        services.AddSingleton<ItemStore>();
        services.AddSingleton<AlertOutbox>();
        services.AddSingleton<FeedDocumentParser>();
        services.AddSingleton<FeedFetcher>();
        services.AddSingleton<PollLimiter>();
        services.AddSingleton<FeedPoller>();
        services.AddSingleton<ChannelFactory>();
        services.AddSingleton<AlertDispatcher>();
        services.AddHttpClient(FeedFetcher.HttpClientName, http =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan; // the fetcher's own limit covers the whole exchange
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                http.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                AllowAutoRedirect = false, // redirects are followed by the fetcher, which tells 301 from 302
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.AddHttpClient(WebhookChannel.HttpClientName, http =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan; // the dispatcher's per-attempt timeout applies
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }

    private static void ConfigureLogging(LoggerConfiguration logger, IConfiguration configuration)
    {
        if (configuration.GetSection("Serilog").Exists())
        {
            logger.ReadFrom.Configuration(configuration);
            return;
        }

        logger.MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", Serilog.Events.LogEventLevel.Warning)
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
    }
}
