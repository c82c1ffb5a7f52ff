import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ChangeOwnPassword, ResolveSession, SignIn, SignOut } from '@gongkai/application';
import { Public, CurrentUser } from './auth.decorators';
import { ChangePasswordDto, LoginDto } from './auth.dto';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie';
import { type SessionUser } from './session-user';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIn: SignIn,
    private readonly signOut: SignOut,
    private readonly sessions: ResolveSession,
    private readonly changePassword: ChangeOwnPassword,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { token } = await this.signIn.execute({
      username: body.username,
      password: body.password,
      client: req.ip ?? 'unknown',
      ...(req.get('user-agent') ? { userAgent: req.get('user-agent') } : {}),
    });
    setSessionCookie(req, res, token);
    return { user: await this.sessions.execute(token) };
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = sessionToken(req);
    if (token) await this.signOut.execute(token);
    clearSessionCookie(req, res);
  }

  @Get('me')
  me(@CurrentUser() user: SessionUser) {
    return { user };
  }

  /** The signed-in user's own password; every session ends, this one is renewed. */
  @Post('password')
  @HttpCode(200)
  async password(
    @CurrentUser() user: SessionUser,
    @Body() body: ChangePasswordDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { token } = await this.changePassword.execute({
      userId: user.id,
      currentPassword: body.currentPassword,
      newPassword: body.newPassword,
      client: req.ip ?? 'unknown',
      ...(req.get('user-agent') ? { userAgent: req.get('user-agent') } : {}),
    });
    setSessionCookie(req, res, token);
    return { user: await this.sessions.execute(token) };
  }
}
