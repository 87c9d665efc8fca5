using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local.Tests;

/// <summary>
/// The supervisor's control API refuses strangers: a call without the token of the owner-only state file gets 401 and
/// starts or reveals nothing; the state file is 0600, the logs folder 0700 and the state folder 0711, so another user cannot read the token.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SupervisorAccessTests
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task A_call_without_the_token_is_refused_and_starts_nothing()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper(instances: 1));
        await bed.UpAsync();
        var state = bed.State!;
        var marker = Path.Combine(bed.Options.StateRoot, "stranger-was-here");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{state.ControlPort.ToString(CultureInfo.InvariantCulture)}/"), Timeout = TimeSpan.FromSeconds(10) };

        using var list = await http.GetAsync(new Uri("instances", UriKind.Relative));
        var listed = await list.Content.ReadAsStringAsync();
        var launch = new InstanceLaunch { Id = "evil", Service = "worker", Index = 9, Command = "/usr/bin/touch", Args = [marker], WorkingDirectory = "/tmp" };
        using var start = await http.PostAsJsonAsync(new Uri("instances", UriKind.Relative), launch, StateFiles.Json);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, new Uri("instances", UriKind.Relative)) { Content = JsonContent.Create(launch, options: StateFiles.Json) };
        wrong.Headers.TryAddWithoutValidation("Authorization", ControlToken.Header(ControlToken.New()));
        using var guessed = await http.SendAsync(wrong);
        using var kill = await http.PostAsync(new Uri($"instances/{state.Instances[0].Launch.Id}/kill", UriKind.Relative), null);
        using var shutdown = await http.PostAsync(new Uri("shutdown", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.DoesNotContain("worker", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, start.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, kill.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, shutdown.StatusCode);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        Assert.False(File.Exists(marker), "a stranger's command ran");
        var after = bed.State!;
        Assert.Equal(state.SupervisorPid, after.SupervisorPid);
        Assert.Equal([state.Instances[0].Pid], after.Instances.Select(i => i.Pid));
        Assert.True(ProcStat.ReadAlive(after.Instances[0].Pid, after.Instances[0].PidStartTicks) is not null);

        // The driver, which reads the token from the state file, still gets in.
        await bed.Driver.StopAsync(state.Instances[0].Launch.Id, CancellationToken.None);
        Assert.Equal(InstancePhase.Stopped, bed.State!.Instances[0].Phase);
    }

    [Fact]
    public async Task The_state_file_is_owner_only_and_the_token_is_nowhere_else()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper(instances: 1));

        // A state folder left world-readable by an older version is tightened too.
        Directory.CreateDirectory(bed.Driver.StateDirectory);
        File.SetUnixFileMode(bed.Driver.StateDirectory, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await bed.UpAsync();
        var state = bed.State!;
        var token = state.ControlToken!;

        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(StateFiles.StatePath(bed.Driver.StateDirectory)));
        // Searchable but not listable by others: a service running as another user reaches its own {data} folder.
        Assert.Equal(OwnerOnlyFolder | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute, File.GetUnixFileMode(bed.Driver.StateDirectory));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.Combine(bed.Driver.StateDirectory, StateFiles.LogsFolder)));
        Assert.True(token.Length >= 40, token);
        Assert.DoesNotContain(token, await File.ReadAllTextAsync($"/proc/{state.SupervisorPid.ToString(CultureInfo.InvariantCulture)}/cmdline"), StringComparison.Ordinal);
        var instance = state.Instances[0].Pid!.Value.ToString(CultureInfo.InvariantCulture);
        Assert.DoesNotContain(token, await File.ReadAllTextAsync($"/proc/{instance}/environ"), StringComparison.Ordinal);
        Assert.DoesNotContain(token, await File.ReadAllTextAsync($"/proc/{instance}/cmdline"), StringComparison.Ordinal);

        // Rewritten on every change, still owner-only.
        await bed.Driver.StopAsync(state.Instances[0].Launch.Id, CancellationToken.None);
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(StateFiles.StatePath(bed.Driver.StateDirectory)));

        if (Environment.UserName == "root")
        {
            // What the modes mean: another user cannot read the file.
            var (code, output) = await AsNobodyAsync("cat", StateFiles.StatePath(bed.Driver.StateDirectory));
            Assert.NotEqual(0, code);
            Assert.DoesNotContain(token, output, StringComparison.Ordinal);
        }
    }

    private static async Task<(int Code, string Output)> AsNobodyAsync(params string[] command)
    {
        var info = new ProcessStartInfo("/usr/bin/setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "--" }.Concat(command))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
