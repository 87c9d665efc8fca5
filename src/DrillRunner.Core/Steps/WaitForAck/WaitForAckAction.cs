using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Timeline;
using DrillRunner.Units;

namespace DrillRunner.Steps.WaitForAck;

/// <summary>
/// Runbook action <c>wait-for-ack</c>: a human step (e.g. "find the bad setting"). Its waiting time is the
/// time to mitigate; the timeline records who acknowledged and when.
/// </summary>
internal sealed class WaitForAckAction(WaitForAckOptions options) : IStep
{
    public bool IsFault => false;

    public string Describe() => $"wait for an operator: {options.Prompt}";

    public Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken) => Task.FromResult<UndoRecord?>(null);

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var channel = context.Operator ?? throw new InvalidOperationException("this run has no operator channel to acknowledge 'wait-for-ack' steps");
        context.Timeline.Add(new TimelineEvent(context.Time.GetUtcNow(), EventKinds.Note, $"waiting for operator: {options.Prompt}", options.Name));
        var started = context.Time.GetUtcNow();
        using var timeout = new CancellationTokenSource(options.Timeout, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            var who = await channel.WaitForAcknowledgementAsync(context.RunId, options.Name ?? options.Kind, options.Prompt, linked.Token);
            return $"acknowledged by {who} after {DurationParser.Format(context.Time.GetUtcNow() - started)}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"nobody acknowledged '{options.Prompt}' within {DurationParser.Format(options.Timeout)}");
        }
    }
}
