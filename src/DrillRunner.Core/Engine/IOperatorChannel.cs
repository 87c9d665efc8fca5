namespace DrillRunner.Engine;

/// <summary>How a <c>wait-for-ack</c> step reaches a human: the CLI prompt or the server API.</summary>
public interface IOperatorChannel
{
    /// <summary>Completes with who acknowledged when someone does.</summary>
    Task<string> WaitForAcknowledgementAsync(string runId, string step, string prompt, CancellationToken cancellationToken);
}
