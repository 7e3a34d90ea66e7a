"""Registration, sign-in, token refresh, sign-out and password reset."""

from __future__ import annotations

from flask.views import MethodView
from flask_jwt_extended import current_user, get_jwt

from api.auth.schemas import (
    AuthResultSchema,
    EmailVerificationConfirmSchema,
    LoginSchema,
    MessageSchema,
    PasswordResetConfirmSchema,
    PasswordResetRequestSchema,
    RegisterSchema,
    TokenPairSchema,
)
from core import ratelimit
from core.auth import CART_TOKEN_PARAMETER, Blueprint, guest_cart_token, token_blocklist
from core.errors import TooManyRequests, Unauthorized
from core.extensions import ErrorSchema
from models import db, utcnow
from services import auth, email_verification, guest_orders, sessions, users

blp = Blueprint("auth", __name__, description="Accounts and tokens")


@blp.route("/register")
class Register(MethodView):
    decorators = ratelimit.register_limits()

    @blp.alt_response(429, schema=ErrorSchema, description="Too many requests (Retry-After)")
    @blp.header_parameters(CART_TOKEN_PARAMETER)
    @blp.arguments(RegisterSchema)
    @blp.response(201, AuthResultSchema)
    @blp.errors(users.EmailTaken)
    @blp.doc(operationId="register")
    def post(self, body):
        """Create a customer account and sign in"""
        now = utcnow()
        user = users.register_user(body["email"], body["password"], body["full_name"])
        email_verification.welcome(user, now)
        guest_orders.attach_to(user)
        tokens = auth.sign_in(user, now, guest_cart_token())
        db.session.commit()
        return {"user": user, "access_token": tokens.access_token,
                "refresh_token": tokens.refresh_token}


@blp.route("/login")
class Login(MethodView):
    decorators = ratelimit.login_limits()

    @blp.header_parameters(CART_TOKEN_PARAMETER)
    @blp.arguments(LoginSchema)
    @blp.response(200, AuthResultSchema)
    @blp.errors(Unauthorized, TooManyRequests)
    @blp.doc(operationId="login")
    def post(self, body):
        """Sign in with email and password"""
        now = utcnow()
        user = auth.authenticate(body["email"], body["password"], now)
        if user is None:
            # The failure must be counted even though the answer is an error.
            db.session.commit()
            raise Unauthorized("Invalid email or password.")
        tokens = auth.sign_in(user, now, guest_cart_token())
        db.session.commit()
        return {"user": user, "access_token": tokens.access_token,
                "refresh_token": tokens.refresh_token}


@blp.route("/refresh")
class Refresh(MethodView):
    decorators = ratelimit.refresh_limits()

    @blp.alt_response(429, schema=ErrorSchema, description="Too many requests (Retry-After)")
    @blp.auth_required(refresh=True)
    @blp.response(200, TokenPairSchema)
    @blp.doc(operationId="refreshTokens")
    def post(self):
        """Exchange a refresh token for a new token pair (the old one is revoked)"""
        claims = get_jwt()
        tokens = auth.rotate_refresh_token(claims["jti"], int(claims["sub"]), utcnow())
        # Commit before refusing: a reused token has just revoked its whole family.
        db.session.commit()
        if tokens is None:
            raise Unauthorized("Refresh token is invalid, expired or already used.")
        return {"access_token": tokens.access_token, "refresh_token": tokens.refresh_token}


@blp.route("/logout")
class Logout(MethodView):
    @blp.auth_required()
    @blp.response(204)
    @blp.doc(operationId="logout")
    def post(self):
        """Revoke this access token and its refresh token"""
        auth.logout(get_jwt(), token_blocklist(), utcnow())
        db.session.commit()


@blp.route("/logout-all")
class LogoutAll(MethodView):
    @blp.auth_required()
    @blp.response(204)
    @blp.doc(operationId="logoutAll")
    def post(self):
        """End every session of mine: every access and refresh token issued until now"""
        sessions.end_sessions(int(get_jwt()["sub"]))
        db.session.commit()


@blp.route("/password-reset")
class PasswordReset(MethodView):
    decorators = ratelimit.reset_limits()

    @blp.alt_response(429, schema=ErrorSchema, description="Too many requests (Retry-After)")
    @blp.arguments(PasswordResetRequestSchema)
    @blp.response(202, MessageSchema)
    @blp.doc(operationId="requestPasswordReset")
    def post(self, body):
        """Email a password reset token (202 whether or not the account exists)"""
        auth.request_password_reset(body["email"])
        db.session.commit()
        return {"message": "If an account exists for this email, a reset link is on its way."}


@blp.route("/password-reset/confirm")
class PasswordResetConfirm(MethodView):
    @blp.arguments(PasswordResetConfirmSchema)
    @blp.response(204)
    @blp.errors(auth.InvalidResetToken)
    @blp.doc(operationId="confirmPasswordReset")
    def post(self, body):
        """Set a new password with a reset token; signs out every session"""
        auth.confirm_password_reset(body["token"], body["password"], utcnow())
        db.session.commit()


@blp.route("/verify-email")
class VerifyEmail(MethodView):
    decorators = ratelimit.verification_limits()

    @blp.auth_required()
    @blp.response(202, MessageSchema)
    @blp.errors(email_verification.AlreadyVerified, TooManyRequests)
    @blp.doc(operationId="requestEmailVerification")
    def post(self):
        """Email me a link that verifies my address (links sent before stop working)"""
        email_verification.request_verification(current_user, utcnow())
        db.session.commit()
        return {"message": "A verification link is on its way."}


@blp.route("/verify-email/confirm")
class VerifyEmailConfirm(MethodView):
    @blp.arguments(EmailVerificationConfirmSchema)
    @blp.response(204)
    @blp.errors(email_verification.InvalidVerificationToken)
    @blp.doc(operationId="confirmEmailVerification")
    def post(self, body):
        """Verify my address with the token of a verification link"""
        email_verification.confirm(body["token"], utcnow())
        db.session.commit()
