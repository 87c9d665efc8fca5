namespace DrillRunner.Alerts;

/// <summary>
/// Where Alertmanager notifications are delivered to the runs listening: <c>drill serve</c>'s webhook endpoint and a
/// CLI run's own receiver publish here, each run subscribes for its duration. The arrival time is taken by whoever
/// received the HTTP request, as it arrived.
/// </summary>
public sealed class AlertNotifications
{
    private readonly Lock _gate = new();
    private readonly List<Action<IReadOnlyList<ObservedAlert>, DateTimeOffset>> _handlers = [];

    public IDisposable Subscribe(Action<IReadOnlyList<ObservedAlert>, DateTimeOffset> handler)
    {
        lock (_gate)
        {
            _handlers.Add(handler);
        }

        return new Subscription(this, handler);
    }

    public void Publish(IReadOnlyList<ObservedAlert> alerts, DateTimeOffset receivedAt)
    {
        Action<IReadOnlyList<ObservedAlert>, DateTimeOffset>[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }

        foreach (var handler in handlers)
        {
            handler(alerts, receivedAt);
        }
    }

    private void Remove(Action<IReadOnlyList<ObservedAlert>, DateTimeOffset> handler)
    {
        lock (_gate)
        {
            _handlers.Remove(handler);
        }
    }

    private sealed class Subscription(AlertNotifications owner, Action<IReadOnlyList<ObservedAlert>, DateTimeOffset> handler) : IDisposable
    {
        public void Dispose() => owner.Remove(handler);
    }
}
