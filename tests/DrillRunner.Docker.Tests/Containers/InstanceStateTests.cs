using Docker.DotNet.Models;
using DrillRunner.Docker.Containers;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Tests.Containers;

public sealed class InstanceStateTests
{
    public static TheoryData<ContainerState, InstanceState> States => new()
    {
        { new ContainerState { Status = "running", Running = true }, InstanceState.Running },
        { new ContainerState { Status = "paused", Running = true, Paused = true }, InstanceState.Paused },
        { new ContainerState { Status = "restarting", Running = true, Restarting = true }, InstanceState.Restarting },
        { new ContainerState { Status = "created" }, InstanceState.Stopped },
        { new ContainerState { Status = "exited", ExitCode = 0 }, InstanceState.Stopped },
        { new ContainerState { Status = "exited", ExitCode = 137 }, InstanceState.Exited },
        { new ContainerState { Status = "exited", ExitCode = 0, OOMKilled = true }, InstanceState.Exited },
        { new ContainerState { Status = "dead", ExitCode = 1, Dead = true }, InstanceState.Exited },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void Engine_states_map_to_instance_states(ContainerState state, InstanceState expected) =>
        Assert.Equal(expected, InstanceReader.StateOf(state));

    [Fact]
    public void Environment_entries_split_at_the_first_equals_sign() =>
        Assert.Equal(
            new Dictionary<string, string> { ["A"] = "x=y", ["EMPTY"] = "" },
            InstanceReader.EnvOf(["A=x=y", "EMPTY"]));
}
