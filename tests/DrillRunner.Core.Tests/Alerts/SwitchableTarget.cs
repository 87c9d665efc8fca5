using System.Globalization;
using System.Net;
using DrillRunner.Testing.Drivers;

namespace DrillRunner.Core.Tests.Alerts;

/// <summary>A real HTTP target on 127.0.0.1 that answers 200 until it is switched to failing, then 500.</summary>
internal sealed class SwitchableTarget : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private volatile bool _failing;

    public SwitchableTarget()
    {
        Url = $"http://127.0.0.1:{FreePorts.FindRange(1).ToString(CultureInfo.InvariantCulture)}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary>When the target started failing, by the real clock.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public void Fail()
    {
        FailingSince = TimeProvider.System.GetUtcNow();
        _failing = true;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _loop;
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            context.Response.StatusCode = _failing ? 500 : 200;
            context.Response.Close();
        }
    }
}
