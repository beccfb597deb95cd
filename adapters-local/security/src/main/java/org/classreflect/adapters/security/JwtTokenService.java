package org.classreflect.adapters.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.TokenService;

/** Access tokens as JWTs signed with HS256: subject = user id, plus the role's wire name and the school id. */
public final class JwtTokenService implements TokenService {

    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofHours(12);
    static final String ISSUER = "classreflect";
    static final String ROLE = "role";
    static final String SCHOOL_ID = "school_id";
    static final String TOKEN_VERSION = "tv";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Duration timeToLive;
    private final Clock clock;

    public JwtTokenService(byte[] signingKey, Duration timeToLive, Clock clock) {
        if (signingKey.length < SigningKeys.MIN_BYTES) {
            throw new IllegalArgumentException("HS256 needs a key of at least " + SigningKeys.MIN_BYTES + " bytes");
        }
        try {
            this.signer = new MACSigner(signingKey);
            this.verifier = new MACVerifier(signingKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable signing key", e);
        }
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public AccessToken issue(Actor actor, long tokenVersion) {
        Instant now = clock.instant();
        // JWT times have whole seconds: truncate so the expiry we report is the one the token carries.
        Instant expiresAt = now.plus(timeToLive).truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(actor.userId())
                .claim(ROLE, actor.role().wireName())
                .claim(SCHOOL_ID, actor.schoolId())
                .claim(TOKEN_VERSION, tokenVersion)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
        return new AccessToken(jwt.serialize(), expiresAt);
    }

    @Override
    public Optional<Verified> read(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            return actorFrom(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private Optional<Verified> actorFrom(JWTClaimsSet claims) throws ParseException {
        Date expiry = claims.getExpirationTime();
        if (!ISSUER.equals(claims.getIssuer()) || claims.getSubject() == null || expiry == null
                || !clock.instant().isBefore(expiry.toInstant())) {
            return Optional.empty();
        }
        String schoolId = claims.getStringClaim(SCHOOL_ID);
        Long version = claims.getLongClaim(TOKEN_VERSION);
        long tokenVersion = version == null ? 0 : version;
        return Role.fromWireName(claims.getStringClaim(ROLE))
                .map(role -> new Verified(new Actor(claims.getSubject(), role, schoolId), tokenVersion));
    }
}
