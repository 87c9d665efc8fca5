using DrillRunner.Options;
using DrillRunner.PostgreSql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DrillRunner.Hosting;

/// <summary>The first hosted service: with shared storage, Hangfire's tables exist before recovery, schedules or jobs use them.</summary>
internal sealed class SharedSchemaInstaller(IOptions<DrillServerOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Storage == StorageKind.PostgreSql)
        {
            SharedJobStorage.InstallSchema(options.Value.PostgreSql.ConnectionString!);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
