using System.Globalization;
using DrillRunner.Hosting;
using DrillRunner.PostgreSql;
using DrillRunner.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillRunner.Safety;

/// <summary>
/// With a shared database: every <see cref="Interval"/> the runner looks for abort and ack requests other runners
/// stored for the runs it executes, acts on them and records the outcome (which the runner that took the request
/// waits for and answers with).
/// </summary>
internal sealed partial class RunRequestPump(Runner runner, RunCoordinator coordinator, ServerOperatorChannel operators, PostgreSqlStores stores, ILogger<RunRequestPump> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly string _name = $"{Environment.MachineName} pid {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        var live = coordinator.AllLive.ToDictionary(l => l.RunId, StringComparer.Ordinal);
        foreach (var request in await stores.Requests.OpenAsync(live.Keys, cancellationToken))
        {
            string outcome;
            if (request.Kind == SharedRunRequests.Abort)
            {
                live[request.RunId].RequestAbort($"aborted by {request.Who} (through another runner)");
                outcome = "aborting";
            }
            else
            {
                var step = operators.Pending(request.RunId)?.Step;
                outcome = step is not null && operators.TryAcknowledge(request.RunId, request.Who) ? $"acknowledged {step}" : "nothing to acknowledge";
            }

            await stores.Requests.HandledAsync(request.Id, _name, outcome, runner.Time.GetUtcNow(), cancellationToken);
            LogHandled(request.Kind, request.RunId, request.Who, outcome);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PumpAsync(stoppingToken);
                await Task.Delay(Interval, runner.Time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A database blip is logged; the next round tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex);
                await Task.Delay(Interval, runner.Time, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} request for run {RunId} from {Who}: {Outcome}")]
    private partial void LogHandled(string kind, string runId, string who, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "run requests could not be read; trying again")]
    private partial void LogFailed(Exception exception);
}
