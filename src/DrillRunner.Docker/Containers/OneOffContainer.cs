using Docker.DotNet;
using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// A short-lived container (<c>docker run --rm</c>): created, started, waited for, its output read, removed. Used
/// where the instance's own container cannot run the command: it is stopped (a runbook's restore into an emptied data
/// folder, the moves of <see cref="Storage.VolumeData"/>). Labelled as a helper of its instance, so that the next
/// helper of that instance and <c>env down</c> remove one a dead runner left behind; never pulls its image.
/// </summary>
internal sealed class OneOffContainer(DockerEngine engine, TimeProvider time)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public async Task<ExecResult> RunAsync(
        string instanceId,
        CreateContainerParameters parameters,
        TimeSpan timeout,
        int tailBytes,
        Func<string, CancellationToken, Task>? beforeStart,
        CancellationToken cancellationToken)
    {
        parameters.Name = $"{instanceId}-{DockerLabels.HelperSuffix}-{Guid.NewGuid().ToString("N")[..8]}";
        var created = await engine.CallAsync("create " + parameters.Name, (c, ct) => c.Containers.CreateContainerAsync(parameters, ct), cancellationToken, retry: false).ConfigureAwait(false);
        var started = time.GetTimestamp();
        try
        {
            if (beforeStart is not null)
            {
                await beforeStart(created.ID, cancellationToken).ConfigureAwait(false);
            }

            return await StartAndWaitAsync(created.ID, parameters.Name, timeout, tailBytes, started, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Even when the caller gave up: a helper left running would hold the volume it works on.
            await RemoveAsync(created.ID, parameters.Name, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Removes (killing if need be) every helper of <paramref name="instanceId"/> a dead runner left behind.</summary>
    public async Task<int> RemoveLeftoversAsync(string instanceId, CancellationToken cancellationToken)
    {
        var parameters = new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{DockerLabels.HelperOf}={instanceId}"] = true } },
        };
        var leftovers = await engine.CallAsync("list helpers of " + instanceId, (c, ct) => c.Containers.ListContainersAsync(parameters, ct), cancellationToken).ConfigureAwait(false);
        foreach (var leftover in leftovers)
        {
            await RemoveAsync(leftover.ID, InstanceCatalog.NameOf(leftover), cancellationToken).ConfigureAwait(false);
        }

        return leftovers.Count;
    }

    /// <summary>Labels of a helper of <paramref name="instanceId"/>: the environment's (so <c>env down</c> removes it), never a service's.</summary>
    public static Dictionary<string, string> Labels(string environment, string instanceId) =>
        new() { [DockerLabels.Environment] = environment, [DockerLabels.HelperOf] = instanceId };

    private async Task<ExecResult> StartAndWaitAsync(string id, string name, TimeSpan timeout, int tailBytes, long started, CancellationToken cancellationToken)
    {
        await engine.CallAsync("start " + name, (c, ct) => c.Containers.StartContainerAsync(id, new ContainerStartParameters(), ct), cancellationToken, retry: false).ConfigureAwait(false);
        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        long exit;
        try
        {
            var wait = await engine.CallAsync("wait for " + name, (c, ct) => c.Containers.WaitContainerAsync(id, ct), linked.Token, timeout + Grace, retry: false).ConfigureAwait(false);
            exit = wait.StatusCode;
        }
        catch (Exception e) when ((e is OperationCanceledException || e is DriverException { InnerException: OperationCanceledException }) && limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var (stdout, stderr) = await ReadLogsAsync(id, name, tailBytes, CancellationToken.None).ConfigureAwait(false);
            return new ExecResult(null, stdout, stderr, time.GetElapsedTime(started)) { TimedOut = true, Killed = true };
        }

        var (output, errors) = await ReadLogsAsync(id, name, tailBytes, cancellationToken).ConfigureAwait(false);
        return new ExecResult(checked((int)exit), output, errors, time.GetElapsedTime(started));
    }

    private async Task<(string Stdout, string Stderr)> ReadLogsAsync(string id, string name, int tailBytes, CancellationToken cancellationToken)
    {
        var stdout = new OutputTail(tailBytes);
        var stderr = new OutputTail(tailBytes);
        using var stream = await engine.CallAsync(
            "logs of " + name,
            (c, ct) => c.Containers.GetContainerLogsAsync(id, tty: false, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, ct),
            cancellationToken).ConfigureAwait(false);
        var chunk = new byte[8192];
        while (true)
        {
            var read = await stream.ReadOutputAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF)
            {
                return (stdout.ToString(), stderr.ToString());
            }

            (read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout).Append(chunk.AsSpan(0, read.Count));
        }
    }

    private Task<string?> RemoveAsync(string id, string name, CancellationToken cancellationToken) =>
        engine.CallOrDefaultOnNotFoundAsync(
            "remove " + name,
            async (c, ct) =>
            {
                await c.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, ct).ConfigureAwait(false);
                return name;
            },
            cancellationToken);
}
