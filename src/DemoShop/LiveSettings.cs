using System.Globalization;
using DrillRunner.Chaos;

namespace DemoShop;

/// <summary>The settings a drill may change on a running instance through <c>PUT /_chaos/settings</c>.</summary>
internal static class LiveSettings
{
    public static void Register(ChaosOptions options)
    {
        options
            .AddLiveSetting("Shop:MaxConcurrentRequests", v => IsInt(v, min: 1))
            .AddLiveSetting("Shop:QueueLimit", v => IsInt(v, min: 0))
            .AddLiveSetting("Shop:WorkMilliseconds", v => IsInt(v, min: 0))
            .AddLiveSetting("Shop:CpuWorkMilliseconds", v => IsInt(v, min: 0))
            .AddLiveSetting("Shop:CacheMegabytes", v => IsInt(v, min: 0))
            .AddLiveSetting("Shop:RequestTimeoutMilliseconds", v => IsInt(v, min: 1))
            .AddLiveSetting("Shop:OrderStore", v => v is ShopConstants.MemoryStore or ShopConstants.FileStore or ShopConstants.PostgresStore)
            .AddLiveSetting("Shop:OrderStorePoolSize", v => IsInt(v, min: 1))
            .AddLiveSetting("Shop:PostgresSynchronousCommit", ShopConstants.SynchronousCommitValues.Contains);
    }

    private static bool IsInt(string value, int min) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min;
}
