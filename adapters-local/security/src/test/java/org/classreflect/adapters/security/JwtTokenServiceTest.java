package org.classreflect.adapters.security;

import org.classreflect.testfixtures.fakes.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.TokenService.AccessToken;
import org.junit.jupiter.api.Test;

class JwtTokenServiceTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Actor TEACHER = new Actor("user-1", Role.TEACHER, "school-9");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T08:00:00.250Z"));
    private final JwtTokenService tokens = new JwtTokenService(KEY, JwtTokenService.DEFAULT_TIME_TO_LIVE, clock);

    @Test
    void anIssuedTokenVerifiesToTheSameActor() {
        AccessToken token = tokens.issue(TEACHER);

        assertThat(tokens.verify(token.token())).contains(TEACHER);
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-01-05T20:00:00Z"));
    }

    @Test
    void anActorWithoutASchoolRoundTrips() {
        Actor admin = new Actor("admin-1", Role.SUPER_ADMIN, null);

        assertThat(tokens.verify(tokens.issue(admin).token())).contains(admin);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = tokens.issue(TEACHER).token();
        String[] parts = token.split("\\.");
        String promoted = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("teacher", "super_admin").getBytes());

        assertThat(tokens.verify(parts[0] + "." + promoted + "." + parts[2])).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.length() - 2) + "xx")).isEmpty();
    }

    @Test
    void aTokenIsRefusedOnceItHasExpired() {
        String token = tokens.issue(TEACHER).token();

        clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertThat(tokens.verify(token)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        byte[] otherKey = Arrays.copyOf(KEY, KEY.length);
        otherKey[0] ^= 1;
        String foreign = new JwtTokenService(otherKey, Duration.ofHours(1), clock).issue(TEACHER).token();

        assertThat(tokens.verify(foreign)).isEmpty();
    }

    @Test
    void wrongIssuerUnknownRoleUnsignedAndMalformedTokensAreRefused() throws Exception {
        assertThat(tokens.verify(signed(claims().issuer("someone-else").build()))).isEmpty();
        assertThat(tokens.verify(signed(claims().claim("role", "janitor").build()))).isEmpty();
        assertThat(tokens.verify(signed(claims().claim("school_id", 42).build()))).isEmpty();
        assertThat(tokens.verify(signed(claims().expirationTime(null).build()))).isEmpty();
        assertThat(tokens.verify(new PlainJWT(new PlainHeader(), claims().build()).serialize())).isEmpty();
        assertThat(tokens.verify("not.a.token")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }

    @Test
    void theClaimsTheTestsForgeAreAcceptedWhenNothingIsWrongWithThem() throws Exception {
        assertThat(tokens.verify(signed(claims().build()))).contains(TEACHER);
    }

    @Test
    void aKeyShorterThan256BitsIsRefused() {
        assertThatThrownBy(() -> new JwtTokenService(new byte[31], Duration.ofHours(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer("classreflect")
                .subject(TEACHER.userId())
                .claim("role", "teacher")
                .claim("school_id", TEACHER.schoolId())
                .expirationTime(Date.from(clock.instant().plus(Duration.ofHours(1))));
    }

    private static String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(KEY));
        return jwt.serialize();
    }
}
