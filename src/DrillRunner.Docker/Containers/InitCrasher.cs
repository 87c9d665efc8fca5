using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// A crash on an engine of another host, where no host pid can be signalled. The container's PID 1 must be an init
/// (docker-init, tini, dumb-init) with the service as its child: the kernel ignores a SIGKILL to a namespace's init
/// sent from inside the namespace, and the engine's own kill API marks the container as stopped by hand (its restart
/// policy then no longer applies). First choice: <c>kill -KILL -1</c> run in the container (every process but the init
/// dies; the init exits with 137). Images without <c>kill</c> or <c>sh</c>: the engine sends
/// <see cref="ForwardedSignal"/> to the init, which forwards it to the service, whose default action is to die; that
/// counts as a crash only when the container's stop signal is set explicitly and is another signal.
/// Either way the crash is only reported once the engine shows the container exited or restarted.
/// </summary>
internal sealed class InitCrasher(DockerEngine engine, ContainerExec exec, TimeProvider timeProvider)
{
    /// <summary>Rarely handled by servers, and deadly by default (core, exit 152).</summary>
    public const string ForwardedSignal = "SIGXCPU";

    private static readonly TimeSpan TakeTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FailedExecSettle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly string[] Inits = ["docker-init", "tini", "tini-static", "dumb-init"];
    private static readonly ExecRequest[] Kills =
    [
        new(["kill", "-KILL", "-1"]) { Timeout = TimeSpan.FromSeconds(10) },
        new(["sh", "-c", "kill -KILL -1"]) { Timeout = TimeSpan.FromSeconds(10) },
    ];

    public async Task CrashAsync(string instanceId, ContainerInspectResponse container, CancellationToken cancellationToken)
    {
        if (!HasInit(container))
        {
            throw new DriverException(
                $"Crash of '{instanceId}' on the remote engine {engine.Endpoint} needs an init as the container's PID 1 (environment: init: true; "
                + "compose: init: true; docker run --init): a SIGKILL to PID 1 from inside the container is ignored, and the engine's kill counts as a manual stop.");
        }

        var startedAt = container.State.StartedAt;
        var tried = new List<string>();
        foreach (var kill in Kills)
        {
            var wait = TakeTimeout;
            try
            {
                await exec.ExecAsync(instanceId, kill, cancellationToken).ConfigureAwait(false);
            }
            catch (DriverException ex)
            {
                // Not in the image, or the exec went down with the container it killed: the engine's state decides.
                tried.Add($"{kill.Display}: {ex.Message}");
                wait = FailedExecSettle;
            }

            if (await TookAsync(container.ID, startedAt, wait, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        var stopSignal = container.Config.StopSignal;
        if (string.IsNullOrEmpty(stopSignal) || SignalNames.Parse(stopSignal) == SignalNames.Parse(ForwardedSignal))
        {
            throw new DriverException(
                $"Crash of '{instanceId}' on the remote engine {engine.Endpoint}: no kill or sh in the image ({string.Join("; ", tried)}), and without an explicit stop signal "
                + $"(stop_signal: SIGTERM; set by the environment's init: true) the engine would take a forwarded {ForwardedSignal} for a manual stop.");
        }

        await engine.CallAsync(
            $"kill -s {ForwardedSignal} {instanceId}",
            (c, ct) => c.Containers.KillContainerAsync(container.ID, new ContainerKillParameters { Signal = ForwardedSignal }, ct),
            cancellationToken).ConfigureAwait(false);
        if (!await TookAsync(container.ID, startedAt, TakeTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new DriverException($"Crash of '{instanceId}': {ForwardedSignal} forwarded by the init did not end the service within {TakeTimeout.TotalSeconds:0} s (does it handle the signal?).");
        }
    }

    private static bool HasInit(ContainerInspectResponse container) =>
        container.HostConfig?.Init == true || Inits.Contains(Path.GetFileName(container.Path ?? ""), StringComparer.Ordinal);

    /// <summary>Whether the engine saw the container's process end: it is no longer running, or it runs again since a later start.</summary>
    private async Task<bool> TookAsync(string containerId, string startedAt, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var begun = timeProvider.GetTimestamp();
        while (true)
        {
            var now = await engine.CallOrDefaultOnNotFoundAsync(
                "inspect " + containerId, (c, ct) => c.Containers.InspectContainerAsync(containerId, ct), cancellationToken).ConfigureAwait(false);
            if (now is null || now.State is not { Running: true } || !string.Equals(now.State.StartedAt, startedAt, StringComparison.Ordinal))
            {
                return true;
            }

            if (timeProvider.GetElapsedTime(begun) >= timeout)
            {
                return false;
            }

            await Task.Delay(PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
