namespace DemoShop.App;

/// <summary>Endpoint metadata: requests to this endpoint pass the limiter, do the simulated work and can time out.</summary>
internal sealed class ShopWorkload
{
    public static readonly ShopWorkload Instance = new();
}
