using DrillRunner.Hosting;
using DrillRunner.Journal;
using DrillRunner.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace DrillRunner.Api;

/// <summary>
/// Abort and ack for a run this runner does not execute (shared database): a queued run no runner has picked up is
/// cancelled in the journal at once; otherwise the request is stored and the executing runner acts on it within a
/// second (<see cref="Safety.RunRequestPump"/>). The caller waits up to <see cref="Wait"/> for its outcome.
/// </summary>
internal static class ForwardedRequests
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task<(string Outcome, bool Cancelled)> AbortAsync(IServiceProvider services, Runner runner, RunRecord run, string who, CancellationToken ct)
    {
        var requests = services.GetRequiredService<PostgreSqlStores>().Requests;
        var cancelled = run.Status == RunStatus.Queued && await requests.CancelQueuedAsync(run.Id, who, runner.Time.GetUtcNow(), ct);

        // Stored even when cancelled: a runner that picked the run up in that instant still aborts it.
        var id = await requests.AddAsync(run.Id, SharedRunRequests.Abort, who, null, runner.Time.GetUtcNow(), ct);
        if (cancelled)
        {
            return ("cancelled while queued", true);
        }

        return (await WaitForOutcomeAsync(requests, id, runner.Time, ct) ?? "stored for the runner executing the run", false);
    }

    public static async Task<(string? Outcome, string? Acknowledged)> AckAsync(IServiceProvider services, Runner runner, RunRecord run, string who, CancellationToken ct)
    {
        var requests = services.GetRequiredService<PostgreSqlStores>().Requests;
        var id = await requests.AddAsync(run.Id, SharedRunRequests.Ack, who, null, runner.Time.GetUtcNow(), ct);
        var outcome = await WaitForOutcomeAsync(requests, id, runner.Time, ct);
        const string Prefix = "acknowledged ";
        return (outcome, outcome?.StartsWith(Prefix, StringComparison.Ordinal) == true ? outcome[Prefix.Length..] : null);
    }

    private static async Task<string?> WaitForOutcomeAsync(SharedRunRequests requests, long id, TimeProvider time, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        while (time.GetElapsedTime(start) < Wait)
        {
            if (await requests.OutcomeAsync(id, ct) is { } outcome)
            {
                return outcome;
            }

            await Task.Delay(Poll, time, ct);
        }

        return null;
    }
}
