"""Error types returned by the emulator's Cognito Identity and cognito-idp extensions.

Every error is a moto ``JsonRESTError`` so moto's dispatcher turns it into
an HTTP 400 with the awsJson1.1 error body ``{"__type": ..., "message": ...}``
(plus the ``X-Amzn-ErrorType`` header), exactly like moto's own errors.
"""

from moto.core.exceptions import JsonRESTError

AWS_JSON = "application/x-amz-json-1.1"


class CognitoIdentityError(JsonRESTError):
    """Base class: ``code`` is the AWS error code (the ``__type``)."""

    error_code = "InternalErrorException"

    def __init__(self, message: str):
        super().__init__(error_type=self.error_code, message=message)
        self.content_type = AWS_JSON


class InvalidParameterException(CognitoIdentityError):
    error_code = "InvalidParameterException"


class ResourceNotFoundException(CognitoIdentityError):
    error_code = "ResourceNotFoundException"


class NotAuthorizedException(CognitoIdentityError):
    error_code = "NotAuthorizedException"


class ResourceConflictException(CognitoIdentityError):
    error_code = "ResourceConflictException"


class DeveloperUserAlreadyRegisteredException(CognitoIdentityError):
    error_code = "DeveloperUserAlreadyRegisteredException"


class UserNotFoundException(CognitoIdentityError):
    error_code = "UserNotFoundException"


class LimitExceededException(CognitoIdentityError):
    error_code = "LimitExceededException"


class AliasExistsException(CognitoIdentityError):
    error_code = "AliasExistsException"


class UserPoolAddOnNotEnabledException(CognitoIdentityError):
    error_code = "UserPoolAddOnNotEnabledException"


class ValidationException(CognitoIdentityError):
    """Input breaks a constraint of the API model (length, pattern, range,
    enum, required member). Real AWS reports these as ValidationException
    with a "N validation error(s) detected: ..." message."""

    error_code = "ValidationException"


class SerializationException(CognitoIdentityError):
    """The body is not JSON, or a member has the wrong JSON type."""

    error_code = "SerializationException"


class UnknownOperationException(CognitoIdentityError):
    error_code = "UnknownOperationException"


class UnauthorizedException(CognitoIdentityError):
    error_code = "UnauthorizedException"


class UnsupportedOperationException(CognitoIdentityError):
    error_code = "UnsupportedOperationException"


class UnsupportedTokenTypeException(CognitoIdentityError):
    error_code = "UnsupportedTokenTypeException"


class InvalidIdentityPoolConfigurationException(CognitoIdentityError):
    error_code = "InvalidIdentityPoolConfigurationException"
