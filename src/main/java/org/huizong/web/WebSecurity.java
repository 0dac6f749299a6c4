package org.huizong.web;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what: {@code /api/**} with HTTP Basic, answering 401 and 403 as JSON; the
 * pages behind the login form, with CSRF tokens, a new session at login and the usual
 * security headers. Five failed logins in a row lock an account for a quarter of an hour.
 */
@Configuration(proxyBeanMethods = false)
@Profile("web")
@EnableWebSecurity
class WebSecurity {

	static final String OFFICE = "OFFICE";

	static final String UNIT = "UNIT";

	private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "frame-ancestors 'none'; form-action 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return Accounts.encoder();
	}

	@Bean
	UserDetailsService userDetailsService(Accounts accounts) {
		return (name) -> accounts.find(name)
			.map((account) -> User.withUsername(account.name())
				.password(account.passwordHash())
				.roles(account.role().name())
				.disabled(!account.enabled())
				.accountLocked(account.locked(accounts.now()))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException(name));
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/periods/*/status")
				.hasRole(OFFICE)
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic
				.authenticationEntryPoint((request, response, ex) -> json(response, 401, "需要有效的账号和密码（HTTP Basic）")))
			.exceptionHandling((handling) -> handling
				.accessDeniedHandler((request, response, ex) -> json(response, 403, "该账号无权访问")))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
			.permitAll()
			.requestMatchers("/periods/**", "/audit", "/catalog/**", "/catalog", "/runs/**", "/runs", "/runs.json")
			.hasRole(OFFICE)
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.newSession()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP))
				.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		this.accounts.failed(event.getAuthentication().getName());
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.accounts.succeeded(event.getAuthentication().getName());
	}

	private final Accounts accounts;

	WebSecurity(Accounts accounts) {
		this.accounts = accounts;
	}

	private static void json(jakarta.servlet.http.HttpServletResponse response, int status, String message)
			throws java.io.IOException {
		response.setStatus(status);
		response.setContentType("application/json;charset=UTF-8");
		response.getOutputStream()
			.write(("{\"status\":" + status + ",\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
	}

}
