namespace DemoShop.App;

internal sealed record Product(int Id, string Name, decimal Price);
