using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Testing;

namespace DrillRunner.Docker.Tests.Faults;

/// <summary>
/// <see cref="IProcessSignals"/> on containers (what <c>pause-process</c> uses): processes listed by the engine with
/// their host pids, stopped and continued from the host; a pid that is not the container's is refused.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class ProcessSignalTests(DemoShopImage image)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    [DockerFact]
    public async Task A_stopped_process_of_a_container_stops_answering_and_answers_again_when_continued()
    {
        var env = DemoShopEnvironment.Create(image.Reference);
        await using (env)
        {
            await env.UpAsync();
            var id = env.InstanceId(1);
            var signals = env.Driver.Require<IProcessSignals>();
            var shop = Assert.Single(await signals.ListProcessesAsync(id, CancellationToken.None), p => p.CommandLine.Contains("DemoShop", StringComparison.Ordinal));
            Assert.False(shop.Stopped);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
            var health = new Uri($"http://127.0.0.1:{env.Port}/health");

            await signals.SignalProcessAsync(id, shop.ProcessId, "SIGSTOP", CancellationToken.None);

            Assert.True(await EventuallyAsync(async () => (await signals.ListProcessesAsync(id, CancellationToken.None)).Single(p => p.ProcessId == shop.ProcessId).Stopped));
            await Assert.ThrowsAnyAsync<TaskCanceledException>(() => http.GetAsync(health));
            Assert.Equal(InstanceState.Running, (await env.Driver.GetInstanceAsync(id, CancellationToken.None)).State);

            await signals.SignalProcessAsync(id, shop.ProcessId, "SIGCONT", CancellationToken.None);

            Assert.True(await EventuallyAsync(async () => !(await signals.ListProcessesAsync(id, CancellationToken.None)).Single(p => p.ProcessId == shop.ProcessId).Stopped));
            using var answer = await http.GetAsync(health);
            Assert.True(answer.IsSuccessStatusCode);
        }
    }

    [DockerFact]
    public async Task A_pid_that_is_not_a_process_of_the_container_is_refused()
    {
        var env = DemoShopEnvironment.Create(image.Reference);
        await using (env)
        {
            await env.UpAsync();
            var signals = env.Driver.Require<IProcessSignals>();

            var error = await Assert.ThrowsAsync<DriverException>(() => signals.SignalProcessAsync(env.InstanceId(1), Environment.ProcessId, "SIGSTOP", CancellationToken.None));

            Assert.Contains("is not a process of container", error.Message, StringComparison.Ordinal);
        }
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > Settle)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }

        return true;
    }
}
