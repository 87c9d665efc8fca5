using DrillRunner.Metrics;
using DrillRunner.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillRunner.Hosting;

/// <summary>
/// Registered before Hangfire's server, so it finishes before any job starts: restores every run a dead runner left
/// Running (marking it Interrupted), then re-queues runs that were accepted but never started.
/// </summary>
internal sealed partial class StartupRecovery(Runner runner, RunCoordinator coordinator, DrillMetrics metrics, IHostApplicationLifetime lifetime, ILogger<StartupRecovery> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var recovered = await runner.RecoverAllAsync(new Progress<string>(LogRecovery), cancellationToken);
            LogRecovered(recovered);
        }
#pragma warning disable CA1031 // The engine recovers an environment again before its next run; the server still starts.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRecoveryFailed(ex);
        }

        var requeued = await coordinator.RequeueAsync(cancellationToken);
        LogRequeued(requeued);
        lifetime.ApplicationStarted.Register(() => metrics.SetUp(true));
        lifetime.ApplicationStopping.Register(() => metrics.SetUp(false));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private partial void LogRecovery(string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "crash recovery: {Count} run(s) left running were restored")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "crash recovery failed; each environment is recovered again before its next run")]
    private partial void LogRecoveryFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} queued run(s) from a previous server re-queued")]
    private partial void LogRequeued(int count);
}
