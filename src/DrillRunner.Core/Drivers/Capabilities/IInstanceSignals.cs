namespace DrillRunner.Drivers.Capabilities;

/// <summary>
/// Sending a signal to an instance's main process the way an operator would (<c>kill -HUP</c>), without telling its
/// process manager: a container keeps its restart policy (a signal through Docker's kill API would count as a manual
/// stop) and a local instance its supervisor's. Reloads by signal need it.
/// </summary>
[Capability("signalling an instance's main process (reload by signal)")]
public interface IInstanceSignals : IDriverCapability
{
    /// <summary>Sends <paramref name="signal"/> (a name such as <c>SIGHUP</c> or <c>USR2</c>) to the instance's main process.</summary>
    Task SignalAsync(string instanceId, string signal, CancellationToken cancellationToken);
}
