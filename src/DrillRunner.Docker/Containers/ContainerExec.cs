using Docker.DotNet;
using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// Commands in a running container through the engine's exec API, with the tails of stdout and stderr and a timeout.
/// A command that outlives it is killed by its host pid when the engine is on this machine; a remote engine has no
/// API to kill an exec, so the result then says it could not be killed. In a stopped instance (a runbook restoring
/// into the data folder of a database that must not run meanwhile) the command runs in a short-lived container of the
/// instance's own image, settings, user, volumes, network and files, as a local process would beside a stopped one.
/// </summary>
internal sealed class ContainerExec(InstanceCatalog catalog, DockerEngine engine, TimeProvider time, ContainerFiles files)
{
    private const int SigKill = 9;

    public async Task<ExecResult> ExecAsync(string instanceId, ExecRequest request, CancellationToken cancellationToken)
    {
        var (container, _) = await catalog.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (container.State is { Running: false, Restarting: false, Paused: false })
        {
            return await RunBesideAsync(container, instanceId, request, cancellationToken).ConfigureAwait(false);
        }

        if (container.State is not { Running: true, Paused: false })
        {
            throw new DriverException($"cannot run {request.Display} in {instanceId}: it is {container.State?.Status ?? "in no known state"}");
        }

        var created = await engine.CallAsync(
            $"exec create in {instanceId}",
            (c, ct) => c.Exec.ExecCreateContainerAsync(container.ID, new ContainerExecCreateParameters
            {
                Cmd = [.. request.Command],
                AttachStdout = true,
                AttachStderr = true,
                User = request.User,
                WorkingDir = request.WorkingDirectory,
                Env = [.. request.Environment.Select(p => $"{p.Key}={p.Value}")],
            }, ct),
            cancellationToken,
            retry: false).ConfigureAwait(false);
        var started = time.GetTimestamp();
        var stdout = new OutputTail(request.TailBytes);
        var stderr = new OutputTail(request.TailBytes);
        using var timeout = new CancellationTokenSource(request.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var stream = await engine.CallAsync($"exec start in {instanceId}", (c, ct) => c.Exec.StartAndAttachContainerExecAsync(created.ID, tty: false, ct), linked.Token, retry: false).ConfigureAwait(false);
            var chunk = new byte[8192];
            while (true)
            {
                var read = await stream.ReadOutputAsync(chunk, 0, chunk.Length, linked.Token).ConfigureAwait(false);
                if (read.EOF)
                {
                    break;
                }

                (read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout).Append(chunk.AsSpan(0, read.Count));
            }
        }
        catch (Exception e) when ((e is OperationCanceledException || e is DriverException { InnerException: OperationCanceledException }) && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var killed = await KillAsync(container.ID, created.ID).ConfigureAwait(false);
            return new ExecResult(null, stdout.ToString(), stderr.ToString(), time.GetElapsedTime(started)) { TimedOut = true, Killed = killed };
        }

        var inspect = await engine.CallAsync($"exec inspect in {instanceId}", (c, ct) => c.Exec.InspectContainerExecAsync(created.ID, ct), cancellationToken).ConfigureAwait(false);
        var result = new ExecResult((int)inspect.ExitCode, stdout.ToString(), stderr.ToString(), time.GetElapsedTime(started));
        return inspect.ExitCode is 126 or 127 && result.StandardOutput.Contains("OCI runtime exec failed", StringComparison.Ordinal)
            ? throw new DriverException($"{instanceId}: cannot run {request.Display}: {result.StandardOutput.Trim()}")
            : result;
    }

    private async Task<ExecResult> RunBesideAsync(ContainerInspectResponse container, string instanceId, ExecRequest request, CancellationToken cancellationToken)
    {
        var env = InstanceReader.EnvOf(container.Config.Env);
        foreach (var (key, value) in request.Environment)
        {
            env[key] = value;
        }

        var host = container.HostConfig;
        var parameters = new CreateContainerParameters
        {
            Image = string.IsNullOrEmpty(container.Image) ? container.Config.Image : container.Image,
            Env = [.. env.Select(kv => $"{kv.Key}={kv.Value}")],
            User = request.User ?? container.Config.User,
            WorkingDir = request.WorkingDirectory ?? container.Config.WorkingDir,
            Entrypoint = [request.Command[0]],
            Cmd = [.. request.Command.Skip(1)],
            Labels = OneOffContainer.Labels(catalog.Environment.Name, instanceId),
            HostConfig = new HostConfig { NetworkMode = host.NetworkMode, Mounts = host.Mounts, Binds = host.Binds, Tmpfs = host.Tmpfs, Init = host.Init },
        };
        // A program that does not exist fails the start: a DriverException, as an exec's would be.
        return await new OneOffContainer(engine, time).RunAsync(
            instanceId, parameters, request.Timeout, request.TailBytes, (id, ct) => files.CopyFolderAsync(container.ID, id, instanceId, ct), cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> KillAsync(string containerId, string execId)
    {
        if (!engine.IsLocal)
        {
            return false;
        }

        var inspect = await engine.CallAsync("exec inspect", (c, ct) => c.Exec.InspectContainerExecAsync(execId, ct), CancellationToken.None).ConfigureAwait(false);
        var pid = checked((int)inspect.Pid);
        return inspect.Running && HostProcesses.BelongsTo(pid, containerId) && HostProcesses.Signal(pid, SigKill);
    }
}
