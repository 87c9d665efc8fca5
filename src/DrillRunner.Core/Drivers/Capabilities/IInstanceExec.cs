namespace DrillRunner.Drivers.Capabilities;

/// <summary>
/// Running a command in an instance (inside its container; beside a local process, with its settings and working
/// directory) and waiting for it, with a timeout: config checks (<c>nginx -t</c>), reload commands and runbook
/// <c>exec</c> steps. The command is an argument list, never a shell line.
/// </summary>
[Capability("running commands in instances (exec, config checks, reload commands)")]
public interface IInstanceExec : IDriverCapability
{
    /// <summary>
    /// Runs the command and returns its exit code and the tails of its output. A command that outlives
    /// <see cref="ExecRequest.Timeout"/> is killed where the driver can (and the result says whether it could);
    /// a command that cannot start (no such program) is a <see cref="DriverException"/>.
    /// </summary>
    Task<ExecResult> ExecAsync(string instanceId, ExecRequest request, CancellationToken cancellationToken);
}
