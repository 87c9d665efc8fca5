using DrillRunner.Local.Shared;

namespace DrillRunner.Local.Supervisor;

/// <summary>Processes a previous supervisor left behind when it was killed: stopped so nothing runs unowned.</summary>
internal static class Orphans
{
    public static void KillLeftovers(string stateDirectory)
    {
        var previous = StateFiles.TryRead(stateDirectory);
        foreach (var record in previous?.Instances ?? [])
        {
            if (ProcStat.ReadAlive(record.Pid, record.PidStartTicks) is not null)
            {
                Console.WriteLine($"killing leftover {record.Launch.Id} (pid {record.Pid})");
                PosixSignals.SendToInstance(record.Pid!.Value, PosixSignals.SigKill);
            }
        }
    }
}
