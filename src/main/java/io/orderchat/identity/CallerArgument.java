package io.orderchat.identity;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take the authenticated {@link Caller} as a parameter. */
class CallerArgument implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Object caller = webRequest.getAttribute(BearerAuthentication.CALLER, RequestAttributes.SCOPE_REQUEST);
		if (caller instanceof Caller authenticated) {
			return authenticated;
		}
		throw new DomainException(ErrorCode.UNAUTHENTICATED, "A bearer token is required");
	}

}
