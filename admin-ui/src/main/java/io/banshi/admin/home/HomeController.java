package io.banshi.admin.home;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page and the start page a person lands on after logging in: the errand page
 * for a person who only runs errands (role USER alone), a welcome with links for others.
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
		List<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map((authority) -> authority.replaceFirst("^ROLE_", ""))
			.sorted()
			.toList();
		if (roles.equals(List.of("USER"))) {
			// A person who only runs errands starts where errands are said.
			return "redirect:/errands";
		}
		model.addAttribute("username", authentication.getName());
		model.addAttribute("roles", roles);
		return VIEW_HOME;
	}

}
