namespace DrillRunner.Traffic.Running;

/// <summary>
/// Before the first measured run in a process (<see cref="LoadGenerator.WarmUpAsync"/>), runs the generator
/// briefly (open, then closed model) against a
/// <see cref="LoopbackResponder"/> of its own, so the request path is JIT-compiled and promoted to optimised code
/// while nothing is measured. Without it the first second of a run measured the generator's start-up: p99 30 to
/// 85 ms against a server answering in 0.3 ms, enough to move a 30 s run's p99 and to break the first step of a
/// capacity search. Nothing leaves the process; it costs about half a second, once.
/// </summary>
internal static class JitWarmUp
{
    private static readonly TimeSpan Phase = TimeSpan.FromMilliseconds(250);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _done;

    public static async Task EnsureAsync(Func<LoadPlan, CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _done))
        {
            return;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return;
            }

            await using var responder = LoopbackResponder.Start();
            await run(Plan(responder.Uri, ArrivalProfile.Constant(4_000, Phase)), cancellationToken);
            await run(Plan(responder.Uri, profile: null), cancellationToken);
            Volatile.Write(ref _done, !cancellationToken.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled while warming up: the run itself starts, sees the cancellation and reports it as usual.
        }
        finally
        {
            Gate.Release();
        }
    }

    private static LoadPlan Plan(Uri target, ArrivalProfile? profile) => new()
    {
        Target = target,
        AllowedHosts = [target.Host],
        Connections = 8,
        Profile = profile,
        Duration = Phase,
        MaxRequests = 20_000,
        Timeout = TimeSpan.FromSeconds(1),
    };
}
