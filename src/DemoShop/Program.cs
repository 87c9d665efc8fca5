await DemoShop.ShopHost.Create(args).RunAsync();
