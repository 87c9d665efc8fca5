using System.Net;
using System.Text.Json;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local.Supervisor;

/// <summary>
/// The supervisor's control API on 127.0.0.1: <c>GET /instances</c>, <c>POST /instances</c>,
/// <c>POST /instances/{id}/{start|stop|restart|kill|reconfigure}</c>, <c>DELETE /instances/{id}</c>,
/// <c>POST /shutdown</c>. Every call must carry the token of the owner-only state file; anyone else on 127.0.0.1 gets
/// 401 and nothing is read or run.
/// </summary>
internal sealed class ControlServer(HttpListener listener, InstanceTable table, string token, CancellationTokenSource shutdown)
{
    private volatile bool _shutdownRequested;

    public async Task RunAsync()
    {
        using var registration = shutdown.Token.Register(listener.Stop);
        while (!shutdown.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            _ = HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            (int Status, object Body) answer;
            try
            {
                answer = ControlToken.Matches(context.Request.Headers["Authorization"], token)
                    ? await RouteAsync(context.Request)
                    : (401, new { error = "unauthorized: control calls carry the token of the supervisor's state file (readable by its owner only)" });
            }
            catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // The message reaches the user through a DriverException, e.g. a missing working directory.
                await Console.Error.WriteLineAsync($"control request failed: {ex}");
                answer = (ex is JsonException ? 400 : 500, new { error = ex.Message });
            }

            response.StatusCode = answer.Status;
            response.ContentType = "application/json";
            await response.OutputStream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(answer.Body, StateFiles.Json));
        }
        catch (Exception ex) when (ex is IOException or HttpListenerException or ObjectDisposedException)
        {
            await Console.Error.WriteLineAsync($"control answer not sent: {ex.Message}");
        }
        finally
        {
            response.Close();

            // Only after the answer is out: stopping the listener aborts responses still being written.
            if (_shutdownRequested)
            {
                await shutdown.CancelAsync();
            }
        }
    }

    private async Task<(int Status, object Body)> RouteAsync(HttpListenerRequest request)
    {
        var segments = request.Url!.AbsolutePath.Trim('/').Split('/');
        var ct = shutdown.Token;
        switch (request.HttpMethod, segments)
        {
            case ("GET", ["instances"]):
                return (200, table.List());
            case ("POST", ["instances"]):
                var launch = await ReadAsync<InstanceLaunch>(request);
                return (200, await table.AddAsync(launch, ct));
            case ("DELETE", ["instances", var id]):
                return await table.RemoveAsync(Uri.UnescapeDataString(id), ct) ? (200, new { removed = id }) : NotFound(id);
            case ("POST", ["instances", var id, var operation]):
                return await OperateAsync(Uri.UnescapeDataString(id), operation, request);
            case ("POST", ["shutdown"]):
                _shutdownRequested = true;
                return (202, new { shuttingDown = true });
            default:
                return (404, new { error = $"no route {request.HttpMethod} {request.Url.AbsolutePath}" });
        }
    }

    private async Task<(int Status, object Body)> OperateAsync(string id, string operation, HttpListenerRequest request)
    {
        var ct = shutdown.Token;
        Func<ManagedInstance, Task>? action = operation switch
        {
            "start" => StartAsync,
            "stop" => i => i.StopAsync(ct),
            "restart" => i => RestartAsync(i, ct),
            _ => null,
        };
        if (operation == "kill")
        {
            var signal = PosixSignals.Parse(request.QueryString["signal"] ?? "SIGKILL");
            if (signal is not { } number)
            {
                return (400, new { error = $"unknown signal '{request.QueryString["signal"]}'" });
            }

            action = i =>
            {
                i.Signal(number);
                return Task.CompletedTask;
            };
        }
        else if (operation == "reconfigure")
        {
            var settings = await ReadAsync<Dictionary<string, string?>>(request);
            action = i =>
            {
                i.Reconfigure(settings);
                return RestartAsync(i, ct);
            };
        }

        if (action is null)
        {
            return (404, new { error = $"unknown operation '{operation}'" });
        }

        var record = await table.WithInstanceAsync(id, action, ct);
        return record is null ? NotFound(id) : (200, record);
    }

    private static Task StartAsync(ManagedInstance instance)
    {
        instance.Start();
        return Task.CompletedTask;
    }

    private static async Task RestartAsync(ManagedInstance instance, CancellationToken cancellationToken)
    {
        await instance.StopAsync(cancellationToken);
        instance.Start();
    }

    private static (int Status, object Body) NotFound(string id) => (404, new { error = $"no instance '{id}'" });

    private static async Task<T> ReadAsync<T>(HttpListenerRequest request) =>
        await JsonSerializer.DeserializeAsync<T>(request.InputStream, StateFiles.Json)
        ?? throw new JsonException("empty body");

}
