using System.Globalization;
using System.Net;
using System.Text.Json;
using DrillRunner.Drivers;

namespace DrillRunner.Alerts;

/// <summary>
/// A CLI run's Alertmanager webhook receiver: <c>http://127.0.0.1:PORT/</c> for the run's duration. Every POST is an
/// Alertmanager notification; its arrival is timed when the request is accepted, before the body is read.
/// </summary>
internal sealed class AlertWebhookListener : IAsyncDisposable
{
    private const int MaxBodyBytes = 1 << 20;
    private readonly HttpListener _listener = new();
    private readonly AlertNotifications _notifications;
    private readonly TimeProvider _time;
    private readonly Task _loop;

    private AlertWebhookListener(int port, AlertNotifications notifications, TimeProvider time)
    {
        _notifications = notifications;
        _time = time;
        Prefix = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Prefix);
        try
        {
            _listener.Start();
        }
        catch (HttpListenerException ex)
        {
            throw new DriverException($"cannot receive Alertmanager notifications on {Prefix} ({ex.Message}); is another run or program using port {port}?", ex);
        }

        _loop = Task.Run(AcceptAsync);
    }

    public string Prefix { get; }

    /// <summary>Starts listening now, so a port already in use stops the run before anything changes.</summary>
    public static AlertWebhookListener Start(int port, AlertNotifications notifications, TimeProvider time) => new(port, notifications, time);

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
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

            var receivedAt = _time.GetUtcNow();
            _ = Task.Run(() => HandleAsync(context, receivedAt));
        }
    }

    private async Task HandleAsync(HttpListenerContext context, DateTimeOffset receivedAt)
    {
        var response = context.Response;
        try
        {
            if (context.Request.HttpMethod != "POST")
            {
                await WriteAsync(response, 200, "DrillRunner Alertmanager webhook receiver: POST notifications here");
                return;
            }

            if (context.Request.ContentLength64 > MaxBodyBytes)
            {
                await WriteAsync(response, 413, "notification too large");
                return;
            }

            JsonElement body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.InputStream);
            }
            catch (JsonException ex)
            {
                await WriteAsync(response, 400, $"not an Alertmanager notification: {ex.Message}");
                return;
            }

            _notifications.Publish(AlertPayloads.FromAlertmanagerWebhook(body), receivedAt);
            await WriteAsync(response, 200, "ok");
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The sender went away or the run ended; Alertmanager retries what it did not deliver.
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }
}
