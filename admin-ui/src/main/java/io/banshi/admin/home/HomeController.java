package io.banshi.admin.home;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page and the start page a person lands on after logging in.
 */
@Controller
class HomeController {

	static final String VIEW_LOGIN = "login";

	static final String VIEW_HOME = "home/index";

	@GetMapping("/login")
	String login() {
		return VIEW_LOGIN;
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		model.addAttribute("username", authentication.getName());
		model.addAttribute("roles",
				authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.map((authority) -> authority.replaceFirst("^ROLE_", ""))
					.sorted()
					.toList());
		return VIEW_HOME;
	}

}
