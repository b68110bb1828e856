package io.banshi.workers.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;

import org.springframework.stereotype.Component;

/**
 * {@code shop.product} from the sandbox ({@code sbx_product}): common goods from several
 * shops on several platforms, with stock. Some shops ask more at checkout than they list
 * ({@code surge_pct}), which an order reports as a changed price.
 */
@Component
public class ProductPlugin extends StockedPlugin {

	static final String COLUMNS = "id, name, tags, shop, provider, price, stock, rating, delivery_days, surge_pct";

	static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM sbx_product ORDER BY id";

	static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM sbx_product WHERE id = ?";

	/**
	 * Creates the plugin.
	 * @param sandbox the sandbox
	 */
	public ProductPlugin(Sandbox sandbox) {
		super(sandbox, "shop.product");
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		String item = Inputs.text(inputs, "item", "name");
		int quantity = Math.max(1, Inputs.integer(inputs, 1, "quantity"));
		List<Product> all = this.sandbox.jdbc().query(SELECT_ALL, (rs, row) -> Product.read(rs));
		int best = all.stream().mapToInt((product) -> product.score(item)).max().orElse(0);
		if (best == 0) {
			return List.of();
		}
		List<Product> matching = all.stream().filter((product) -> product.score(item) == best).toList();
		Map<String, Integer> stock = new LinkedHashMap<>();
		matching.forEach((product) -> stock.put(product.optionId(), product.stock()));
		Map<String, Integer> left = this.sandbox.inventory().remaining(stock);
		List<Option> options = new ArrayList<>();
		for (Product product : matching) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("shop", product.shop());
			details.put("stock", left.get(product.optionId()));
			details.put("delivery_days", product.deliveryDays());
			details.put("quantity", quantity);
			options.add(new Option("shop.product", name(), product.optionId(), product.provider(), product.name(),
					product.price(), product.price().multiply(BigDecimal.valueOf(quantity)),
					String.valueOf(product.deliveryDays() * 24 * 60), product.rating(), left.get(product.optionId()),
					details, quantity));
		}
		return options;
	}

	@Override
	Offer offer(String optionId, Map<String, Object> inputs) {
		String[] parts = parts(optionId, "PR", 2);
		Product product = this.sandbox.jdbc()
			.query(SELECT_ONE, (rs, row) -> Product.read(rs), id(parts[1], optionId))
			.stream()
			.findFirst()
			.orElseThrow(() -> unknownOption(optionId));
		int quantity = Math.max(1, Inputs.integer(inputs, 1, "quantity"));
		BigDecimal price = product.checkoutPrice();
		return new Offer(optionId, product.provider(), product.name() + " (" + product.shop() + ")", price,
				price.multiply(BigDecimal.valueOf(quantity)), product.stock(), quantity);
	}

	record Product(long id, String name, String tags, String shop, String provider, BigDecimal price, int stock,
			double rating, int deliveryDays, int surgePct) {

		static Product read(ResultSet rs) throws SQLException {
			return new Product(rs.getLong("id"), rs.getString("name"), rs.getString("tags"), rs.getString("shop"),
					rs.getString("provider"), rs.getBigDecimal("price"), rs.getInt("stock"), rs.getDouble("rating"),
					rs.getInt("delivery_days"), rs.getInt("surge_pct"));
		}

		String optionId() {
			return "PR:" + this.id;
		}

		int score(String item) {
			return Keywords.score(item, this.tags, this.name);
		}

		BigDecimal checkoutPrice() {
			if (this.surgePct == 0) {
				return this.price;
			}
			return this.price.multiply(BigDecimal.valueOf(100L + this.surgePct))
				.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
		}

	}

}
