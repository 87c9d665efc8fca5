namespace DemoShop.Orders;

/// <summary>The store cannot take or serve orders right now; the endpoint answers 503 and the client may retry.</summary>
internal sealed class OrderStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
