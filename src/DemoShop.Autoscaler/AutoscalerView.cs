using System.Text.Json;
using System.Text.Json.Serialization;

namespace DemoShop.Autoscaler;

/// <summary>The <c>/status</c> document.</summary>
internal sealed record AutoscalerView(
    string Service, int MinReplicas, int MaxReplicas, double CoolDownSeconds, double InFlight, int Replicas, int Desired, string? LastError,
    IReadOnlyList<string> Events);

[JsonSerializable(typeof(AutoscalerView))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class AutoscalerJson : JsonSerializerContext;
