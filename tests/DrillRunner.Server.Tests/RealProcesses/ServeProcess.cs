using System.Diagnostics;
using DrillRunner.Security;
using DrillRunner.Server.Tests.Harness;

namespace DrillRunner.Server.Tests.RealProcesses;

/// <summary><c>dotnet drill.dll serve</c> as a real child process in a working folder; dispose kills it if still running.</summary>
internal sealed class ServeProcess : IDisposable
{
    public const string Key = "process-operator-key";

    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts a server; <paramref name="withKey"/> false starts it with no API key configured (a first run);
    /// <paramref name="settings"/> are more <c>DrillRunner__*</c> environment variables.
    /// </summary>
    public static async Task<ServeProcess> StartAsync(string workingDirectory, string drills, string state, bool withKey = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "drill.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["DrillRunner__DrillsDirectory"] = drills;
        start.Environment["DrillRunner__StateDirectory"] = state;
        if (withKey)
        {
            start.Environment["DrillRunner__ApiKeys__0__Name"] = "ops";
            start.Environment["DrillRunner__ApiKeys__0__Hash"] = ApiKeyHash.Compute(Key);
            start.Environment["DrillRunner__ApiKeys__0__Role"] = Roles.Operator;
        }

        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var serve = new ServeProcess(Process.Start(start)!, address);
        try
        {
            await serve.WaitHealthyAsync();
            return serve;
        }
        catch
        {
            serve.Dispose();
            throw;
        }
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, Key);
        return client;
    }

    /// <summary>Polls the captured output until <paramref name="text"/> appears (bounded).</summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || TimeProvider.System.GetElapsedTime(start) > timeout)
            {
                throw new TimeoutException($"'{text}' not printed within {timeout}: {Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        return Output;
    }

    /// <summary>SIGKILL: no shutdown, no restore, like a crashed host.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"drill serve exited with {_process.ExitCode}: {Output}");
            }

            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        throw new TimeoutException($"drill serve did not answer /health in 30s: {Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
