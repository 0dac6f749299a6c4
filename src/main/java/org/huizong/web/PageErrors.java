package org.huizong.web;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A page asked with what cannot be (a period such as 2017-13, a name the catalog has no
 * such kind of): 400 with the reason in Chinese. The API answers its own, as JSON.
 */
@ControllerAdvice(assignableTypes = { PageController.class, CatalogPage.class, RunsPage.class })
@Profile("web")
class PageErrors {

	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	@ResponseBody
	String badRequest(IllegalArgumentException ex) {
		return String.valueOf(ex.getMessage());
	}

}
