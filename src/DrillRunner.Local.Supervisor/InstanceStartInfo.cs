using System.Diagnostics;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local.Supervisor;

/// <summary>How an instance's process is started.</summary>
internal static class InstanceStartInfo
{
    // setsid: the instance leads its own process group, so signals reach what it starts too.
    // exec keeps the pid: the shell only opens the log, so the instance writes to it directly and
    // keeps running when the supervisor dies.
    private const string LaunchScript =
        "log=$DRILL_SUPERVISOR_LOG; unset DRILL_SUPERVISOR_LOG; exec \"$0\" \"$@\" >>\"$log\" 2>&1 </dev/null";

    // setpriv (util-linux) switches user and keeps the pid; the log is opened before, by the supervisor's user.
    private const string SetPriv = "/usr/bin/setpriv";

    private const string SetSid = "/usr/bin/setsid";

    public static ProcessStartInfo Create(InstanceLaunch launch, string logPath)
    {
        var hasSetSid = File.Exists(SetSid);
        var info = new ProcessStartInfo(hasSetSid ? SetSid : "/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = launch.WorkingDirectory,
        };
        if (hasSetSid)
        {
            info.ArgumentList.Add("/bin/sh");
        }

        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(LaunchScript);
        if (launch.User is { } user)
        {
            info.ArgumentList.Add(SetPriv);
            info.ArgumentList.Add($"--reuid={user}");
            info.ArgumentList.Add($"--regid={launch.GroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? user}");
            info.ArgumentList.Add("--init-groups");
            info.ArgumentList.Add("--");
        }

        info.ArgumentList.Add(launch.Command);
        foreach (var arg in launch.Args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in launch.Settings)
        {
            info.Environment[key] = value;
        }

        info.Environment["DRILL_SUPERVISOR_LOG"] = logPath;
        info.Environment[StateFiles.StateDirectoryVariable] = StateFiles.StateDirectoryOfLog(logPath);
        info.Environment[InstanceProcesses.MarkerVariable] = launch.Id;
        return info;
    }
}
