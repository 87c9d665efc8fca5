namespace DemoShop.Orders;

/// <summary>Order ids are time-ordered GUIDs in <c>N</c> form; anything else never reaches the file system.</summary>
internal static class OrderId
{
    public static string New(TimeProvider timeProvider) => Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString("N");

    public static bool IsValid(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}
