using System.Collections.Concurrent;
using DrillRunner.Engine;

namespace DrillRunner.Runs;

/// <summary><c>wait-for-ack</c> through the API: a step waits here until <c>POST /api/runs/{id}/ack</c>.</summary>
internal sealed class ServerOperatorChannel : IOperatorChannel
{
    private readonly ConcurrentDictionary<string, PendingAck> _pending = new(StringComparer.Ordinal);

    public PendingAck? Pending(string runId) => _pending.GetValueOrDefault(runId);

    public async Task<string> WaitForAcknowledgementAsync(string runId, string step, string prompt, CancellationToken cancellationToken)
    {
        var pending = new PendingAck(step, prompt);
        _pending[runId] = pending;
        try
        {
            return await pending.Completion.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, PendingAck>(runId, pending));
        }
    }

    /// <summary>Acknowledges the step the run waits on; false when it waits on none.</summary>
    public bool TryAcknowledge(string runId, string who) =>
        _pending.TryGetValue(runId, out var pending) && pending.Completion.TrySetResult(who);
}

/// <summary>A step waiting for a human.</summary>
internal sealed record PendingAck(string Step, string Prompt)
{
    public TaskCompletionSource<string> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
