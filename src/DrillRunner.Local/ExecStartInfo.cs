using System.Diagnostics;
using System.Globalization;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local;

/// <summary>
/// How a command runs beside a local instance, as a command in its container would: with the instance's settings, in
/// its working directory, as its user (setpriv, as the supervisor starts the instance; <see cref="ExecRequest.User"/>
/// overrides), and marked as one of the instance's processes, so a stop or a kill of the instance takes it too.
/// </summary>
internal static class ExecStartInfo
{
    private const string SetPriv = "/usr/bin/setpriv";

    public static ProcessStartInfo Create(InstanceLaunch launch, ExecRequest request)
    {
        var user = request.User ?? launch.User;
        var switching = user is not null && user != Environment.UserName;
        var account = switching ? UnixUsers.Find(user!) ?? throw new DriverException($"{launch.Id}: no user '{user}' on this machine to run {request.Display} as") : null;
        if (switching && !File.Exists(SetPriv))
        {
            throw new DriverException($"{launch.Id}: running {request.Display} as '{user}' needs {SetPriv} (util-linux)");
        }

        var info = new ProcessStartInfo(switching ? SetPriv : request.Command[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = request.WorkingDirectory ?? launch.WorkingDirectory,
        };
        if (account is not null)
        {
            info.ArgumentList.Add($"--reuid={account.Name}");
            info.ArgumentList.Add($"--regid={account.Gid.ToString(CultureInfo.InvariantCulture)}");
            info.ArgumentList.Add("--init-groups");
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(request.Command[0]);
            info.Environment["HOME"] = account.Home;
            info.Environment["USER"] = account.Name;
        }

        foreach (var arg in request.Command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in launch.Settings.Concat(request.Environment))
        {
            info.Environment[key] = value;
        }

        info.Environment[InstanceProcesses.MarkerVariable] = launch.Id;
        return info;
    }
}
