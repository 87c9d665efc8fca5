using DrillRunner.Local.Shared;

namespace DrillRunner.Local.Tests;

public sealed class PosixTests
{
    [Fact]
    public void Stat_line_is_parsed_after_a_command_name_with_spaces_and_parentheses()
    {
        var line = "4242 (we (ird) name) T 1 4240 4240 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 3 0 987654 1000 10";

        var stat = ProcStat.Parse(line)!;

        Assert.Equal('T', stat.State);
        Assert.True(stat.IsStopped);
        Assert.Equal(4240, stat.ProcessGroup);
        Assert.Equal(4240, stat.Session);
        Assert.Equal(987654, stat.StartTicks);
    }

    [Fact]
    public void Zombie_is_not_alive_and_own_process_is()
    {
        Assert.False(ProcStat.Parse("7 (x) Z 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0")!.IsAlive);
        Assert.True(ProcStat.Read(Environment.ProcessId)!.IsAlive);
        Assert.Null(ProcStat.ReadAlive(Environment.ProcessId, startTicks: -1));
    }

    [Theory]
    [InlineData("SIGKILL", 9)]
    [InlineData("term", 15)]
    [InlineData("SIGSTOP", 19)]
    [InlineData("2", 2)]
    public void Signal_names_and_numbers_are_parsed(string name, int expected) => Assert.Equal(expected, PosixSignals.Parse(name));

    [Fact]
    public void Unknown_signal_is_not_parsed() => Assert.Null(PosixSignals.Parse("SIGBOGUS"));
}
